# Versioned integration configuration (mappings, PES, first-value events), its store and the
# aggregation / report previews used by the mapping editor.
target_sources(bridge_models PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/IntegrationConfig.cpp
    ${CMAKE_CURRENT_LIST_DIR}/IntegrationConfig.h
    ${CMAKE_CURRENT_LIST_DIR}/IntegrationConfigReader.cpp
    ${CMAKE_CURRENT_LIST_DIR}/IntegrationConfigCatalog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/IntegrationConfigCatalog.h
    ${CMAKE_CURRENT_LIST_DIR}/ConfigStore.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ConfigStore.h
    ${CMAKE_CURRENT_LIST_DIR}/DryRun.cpp
    ${CMAKE_CURRENT_LIST_DIR}/DryRun.h
)

# The sync engine: planning, the worker on its own thread, landing, the run log and the schedule.
target_sources(bridge_models PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/SyncTypes.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SyncTypes.h
    ${CMAKE_CURRENT_LIST_DIR}/SyncPlanner.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SyncPlanner.h
    ${CMAKE_CURRENT_LIST_DIR}/SyncHistory.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SyncHistory.h
    ${CMAKE_CURRENT_LIST_DIR}/SyncEngine.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SyncEngine.h
    ${CMAKE_CURRENT_LIST_DIR}/SyncWorker.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SyncWorker.h
    ${CMAKE_CURRENT_LIST_DIR}/SyncScheduler.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SyncScheduler.h
    ${CMAKE_CURRENT_LIST_DIR}/SyncRunStore.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SyncRunStore.h
    ${CMAKE_CURRENT_LIST_DIR}/ActivityLanding.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ActivityLanding.h
    ${CMAKE_CURRENT_LIST_DIR}/WindowFetch.cpp
    ${CMAKE_CURRENT_LIST_DIR}/WindowFetch.h
    ${CMAKE_CURRENT_LIST_DIR}/UnmatchedReport.cpp
    ${CMAKE_CURRENT_LIST_DIR}/UnmatchedReport.h
)

# The raw daily activity as an export keyed by Pendo's own ids (CSV or JSON).
target_sources(bridge_models PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/ActivityExport.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ActivityExport.h
)
