# The match workbench (standing view and setup wizard page) and its controller.
target_sources(bridge_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/MatchKeyEditor.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MatchKeyEditor.h
    ${CMAKE_CURRENT_LIST_DIR}/MatchRateCard.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MatchRateCard.h
    ${CMAKE_CURRENT_LIST_DIR}/MatchWorkbench.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MatchWorkbench.h
    ${CMAKE_CURRENT_LIST_DIR}/MatchWorkbenchController.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MatchWorkbenchController.h
    ${CMAKE_CURRENT_LIST_DIR}/MatchingPage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MatchingPage.h
    ${CMAKE_CURRENT_LIST_DIR}/UnmatchedListView.cpp
    ${CMAKE_CURRENT_LIST_DIR}/UnmatchedListView.h
)
