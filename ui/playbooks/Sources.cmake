# The playbooks view: the list with its dry run, the firings and tasks, and the playbook editor.
target_sources(bridge_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/PlaybookActionsEditor.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PlaybookActionsEditor.h
    ${CMAKE_CURRENT_LIST_DIR}/PlaybookEditor.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PlaybookEditor.h
    ${CMAKE_CURRENT_LIST_DIR}/PlaybooksPage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PlaybooksPage.h
)
