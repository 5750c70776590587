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
