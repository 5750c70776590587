# The mapping editor: streams, reports, aggregations (dry run), PES and first-value events; as a
# setup-wizard page and as a standing dialog.
target_sources(bridge_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/AggregationsPanel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AggregationsPanel.h
    ${CMAKE_CURRENT_LIST_DIR}/CatalogChecklistModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/CatalogChecklistModel.h
    ${CMAKE_CURRENT_LIST_DIR}/ColumnMappingWidget.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ColumnMappingWidget.h
    ${CMAKE_CURRENT_LIST_DIR}/EventPanels.cpp
    ${CMAKE_CURRENT_LIST_DIR}/EventPanels.h
    ${CMAKE_CURRENT_LIST_DIR}/MappingController.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MappingController.h
    ${CMAKE_CURRENT_LIST_DIR}/MappingDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MappingDialog.h
    ${CMAKE_CURRENT_LIST_DIR}/MappingEditor.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MappingEditor.h
    ${CMAKE_CURRENT_LIST_DIR}/MappingPage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MappingPage.h
    ${CMAKE_CURRENT_LIST_DIR}/ReportsPanel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ReportsPanel.h
    ${CMAKE_CURRENT_LIST_DIR}/StreamPanel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/StreamPanel.h
)
