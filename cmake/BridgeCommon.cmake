# One INTERFACE target carries the language level, warnings and Qt defines; every target links it.
add_library(bridge_common INTERFACE)
target_compile_features(bridge_common INTERFACE cxx_std_20)
target_compile_definitions(bridge_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    QT_MESSAGELOGCONTEXT
    BRIDGE_VERSION="${PROJECT_VERSION}")
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(bridge_common INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
        -Woverloaded-virtual -Wimplicit-fallthrough)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
        # GCC 12 reports moved-from std::variant temporaries as maybe-uninitialized (a known false positive).
        target_compile_options(bridge_common INTERFACE -Wno-maybe-uninitialized)
    endif()
    if(BRIDGE_WARNINGS_AS_ERRORS)
        target_compile_options(bridge_common INTERFACE -Werror)
    endif()
endif()

# add_bridge_test(Name SOURCE file [GUI] [LIBS ...])
# One executable per tested class, run offscreen; GUI tests also link the Widgets library.
function(add_bridge_test name)
    cmake_parse_arguments(ARG "GUI" "SOURCE" "LIBS" ${ARGN})
    qt_add_executable(${name} ${ARG_SOURCE})
    set_target_properties(${name} PROPERTIES MACOSX_BUNDLE OFF WIN32_EXECUTABLE OFF)
    target_link_libraries(${name} PRIVATE bridge_common bridge_models Qt6::Test ${ARG_LIBS})
    if(ARG_GUI)
        target_link_libraries(${name} PRIVATE bridge_ui)
    endif()
    target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests/common)
    target_compile_definitions(${name} PRIVATE
        BRIDGE_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data")
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=*.debug=false"
        TIMEOUT 300)
endfunction()
