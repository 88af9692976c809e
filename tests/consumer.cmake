# Installs hpa from the build tree into a scratch prefix, then builds and runs tests/consumer
# against it with find_package(hpa).
set(prefix ${BUILD}/consumer-prefix)
file(REMOVE_RECURSE ${prefix} ${BUILD}/consumer-build)
foreach(step
    "${CMAKE_COMMAND};--install;${BUILD};--prefix;${prefix}"
    "${CMAKE_COMMAND};-S;${SOURCE}/tests/consumer;-B;${BUILD}/consumer-build;-DCMAKE_PREFIX_PATH=${prefix};-DLIBRARY_EXAMPLE=${SOURCE}/examples/library.cpp"
    "${CMAKE_COMMAND};--build;${BUILD}/consumer-build"
    "${BUILD}/consumer-build/consumer")
  execute_process(COMMAND ${step} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed: ${step}\n${out}\n${err}")
  endif()
endforeach()
if(NOT out STREQUAL "red 1970-01-04T00:00\n")
  message(FATAL_ERROR "consumer printed: ${out}")
endif()

# docs/library.md shows examples/library.cpp as written, and what it prints.
execute_process(COMMAND ${BUILD}/consumer-build/library RESULT_VARIABLE rc OUTPUT_VARIABLE printed)
file(READ ${SOURCE}/examples/library.cpp code)
file(READ ${SOURCE}/docs/library.md readme)
string(REGEX REPLACE "\n([^\n])" "\n    \\1" shown "    ${code}")
string(FIND "${readme}" "${shown}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "docs/library.md does not show examples/library.cpp as it is (indented 4 spaces)")
endif()
string(REGEX REPLACE "\n([^\n])" "\n    \\1" shown_output "    ${printed}")
string(FIND "${readme}" "${shown_output}" at)
if(NOT rc EQUAL 0 OR at EQUAL -1)
  message(FATAL_ERROR "examples/library.cpp printed (exit ${rc}), which docs/library.md does not show:\n${printed}")
endif()
