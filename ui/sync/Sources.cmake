# The sync monitor: its controller, item models, coverage heatmap and window.
target_sources(bridge_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/CoverageHeatmap.cpp
    ${CMAKE_CURRENT_LIST_DIR}/CoverageHeatmap.h
    ${CMAKE_CURRENT_LIST_DIR}/SchedulePanel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SchedulePanel.h
    ${CMAKE_CURRENT_LIST_DIR}/SyncLogModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SyncLogModel.h
    ${CMAKE_CURRENT_LIST_DIR}/SyncMonitor.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SyncMonitor.h
    ${CMAKE_CURRENT_LIST_DIR}/SyncMonitor.ui
    ${CMAKE_CURRENT_LIST_DIR}/SyncMonitorController.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SyncMonitorController.h
    ${CMAKE_CURRENT_LIST_DIR}/SyncPresentation.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SyncPresentation.h
    ${CMAKE_CURRENT_LIST_DIR}/SyncRunsModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SyncRunsModel.h
    ${CMAKE_CURRENT_LIST_DIR}/SyncUnmatchedModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SyncUnmatchedModel.h
)
