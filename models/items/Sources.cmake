# Item models added beside the ones listed in models/CMakeLists.txt.
target_sources(bridge_models PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/DayText.h
    ${CMAKE_CURRENT_LIST_DIR}/DryRunModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/DryRunModel.h
    ${CMAKE_CURRENT_LIST_DIR}/FiringsModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/FiringsModel.h
    ${CMAKE_CURRENT_LIST_DIR}/PlaybooksModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PlaybooksModel.h
    ${CMAKE_CURRENT_LIST_DIR}/PortfolioFilter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PortfolioFilter.h
    ${CMAKE_CURRENT_LIST_DIR}/PortfolioModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PortfolioModel.h
    ${CMAKE_CURRENT_LIST_DIR}/StageHistoryModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/StageHistoryModel.h
    ${CMAKE_CURRENT_LIST_DIR}/TasksModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/TasksModel.h
    ${CMAKE_CURRENT_LIST_DIR}/UnmatchedModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/UnmatchedModel.h
)
