# Item models added beside the ones listed in models/CMakeLists.txt.
target_sources(bridge_models PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/PortfolioFilter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PortfolioFilter.h
    ${CMAKE_CURRENT_LIST_DIR}/PortfolioModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PortfolioModel.h
    ${CMAKE_CURRENT_LIST_DIR}/UnmatchedModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/UnmatchedModel.h
)
