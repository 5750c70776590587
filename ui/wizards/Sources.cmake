# The setup wizard: the key and region pages, their controllers and the wizard that owns the result.
target_sources(bridge_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/CatalogPage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/CatalogPage.h
    ${CMAKE_CURRENT_LIST_DIR}/KeyPage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/KeyPage.h
    ${CMAKE_CURRENT_LIST_DIR}/KeyPageController.cpp
    ${CMAKE_CURRENT_LIST_DIR}/KeyPageController.h
    ${CMAKE_CURRENT_LIST_DIR}/RegionPage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/RegionPage.h
    ${CMAKE_CURRENT_LIST_DIR}/RegionPageController.cpp
    ${CMAKE_CURRENT_LIST_DIR}/RegionPageController.h
    ${CMAKE_CURRENT_LIST_DIR}/SetupResult.h
    ${CMAKE_CURRENT_LIST_DIR}/SetupWizard.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SetupWizard.h
    ${CMAKE_CURRENT_LIST_DIR}/StatusFrame.cpp
    ${CMAKE_CURRENT_LIST_DIR}/StatusFrame.h
)
