# The analytics layer: calculated fields, the recompute that stores them, health score models with
# their versions, explanations and backtests, and the readers the dashboards and exports use.
target_sources(bridge_models PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/MetricField.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MetricField.h
    ${CMAKE_CURRENT_LIST_DIR}/CalculatedFields.cpp
    ${CMAKE_CURRENT_LIST_DIR}/CalculatedFields.h
    ${CMAKE_CURRENT_LIST_DIR}/HealthModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/HealthModel.h
    ${CMAKE_CURRENT_LIST_DIR}/HealthModelStore.cpp
    ${CMAKE_CURRENT_LIST_DIR}/HealthModelStore.h
    ${CMAKE_CURRENT_LIST_DIR}/HealthBacktest.cpp
    ${CMAKE_CURRENT_LIST_DIR}/HealthBacktest.h
    ${CMAKE_CURRENT_LIST_DIR}/RecomputeInputs.cpp
    ${CMAKE_CURRENT_LIST_DIR}/RecomputeInputs.h
    ${CMAKE_CURRENT_LIST_DIR}/Recompute.cpp
    ${CMAKE_CURRENT_LIST_DIR}/RecomputeWriter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Recompute.h
    ${CMAKE_CURRENT_LIST_DIR}/AnalyticsReader.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AnalyticsReader.h
    ${CMAKE_CURRENT_LIST_DIR}/MetricsExport.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MetricsExport.h
    ${CMAKE_CURRENT_LIST_DIR}/AnalyticsEngine.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AnalyticsEngine.h
)
