# The dashboards: portfolio and account views, their chart widgets (over QtCharts, behind our own
# classes so the chart library can change), the offscreen report and the backtest view.
target_sources(bridge_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/AccountPanels.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AccountPanels.h
    ${CMAKE_CURRENT_LIST_DIR}/AccountView.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AccountView.h
    ${CMAKE_CURRENT_LIST_DIR}/BarChart.cpp
    ${CMAKE_CURRENT_LIST_DIR}/BarChart.h
    ${CMAKE_CURRENT_LIST_DIR}/ChartWidget.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ChartWidget.h
    ${CMAKE_CURRENT_LIST_DIR}/DashboardController.cpp
    ${CMAKE_CURRENT_LIST_DIR}/DashboardController.h
    ${CMAKE_CURRENT_LIST_DIR}/DashboardPage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/DashboardPage.h
    ${CMAKE_CURRENT_LIST_DIR}/DashboardPresentation.cpp
    ${CMAKE_CURRENT_LIST_DIR}/DashboardPresentation.h
    ${CMAKE_CURRENT_LIST_DIR}/DashboardReport.cpp
    ${CMAKE_CURRENT_LIST_DIR}/DashboardReport.h
    ${CMAKE_CURRENT_LIST_DIR}/DashboardWidgets.cpp
    ${CMAKE_CURRENT_LIST_DIR}/DashboardWidgets.h
    ${CMAKE_CURRENT_LIST_DIR}/HealthBacktestView.cpp
    ${CMAKE_CURRENT_LIST_DIR}/HealthBacktestView.h
    ${CMAKE_CURRENT_LIST_DIR}/HealthModelEditor.cpp
    ${CMAKE_CURRENT_LIST_DIR}/HealthModelEditor.h
    ${CMAKE_CURRENT_LIST_DIR}/LifecyclePanel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/LifecyclePanel.h
    ${CMAKE_CURRENT_LIST_DIR}/PortfolioView.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PortfolioView.h
    ${CMAKE_CURRENT_LIST_DIR}/TimeSeriesChart.cpp
    ${CMAKE_CURRENT_LIST_DIR}/TimeSeriesChart.h
)
target_link_libraries(bridge_ui PUBLIC Qt6::Charts)
