# Playbooks: triggers on the calculated fields, their evaluation and dry runs over the history,
# firings with their evidence, the actions they run (tasks, stage moves, tags, fields, webhooks,
# e-mails), and lifecycle goals with the stage history.
target_sources(bridge_models PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/Playbook.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Playbook.h
    ${CMAKE_CURRENT_LIST_DIR}/PlaybookEngine.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PlaybookEngine.h
    ${CMAKE_CURRENT_LIST_DIR}/PlaybookEvaluator.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PlaybookEvaluator.h
    ${CMAKE_CURRENT_LIST_DIR}/PlaybookRunner.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PlaybookRunner.h
    ${CMAKE_CURRENT_LIST_DIR}/PlaybookStore.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PlaybookStore.h
)
