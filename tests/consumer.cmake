# Installs hpa from the build tree into a scratch prefix, then builds and runs tests/consumer
# against it with find_package(hpa).
set(prefix ${BUILD}/consumer-prefix)
file(REMOVE_RECURSE ${prefix} ${BUILD}/consumer-build)
foreach(step
    "${CMAKE_COMMAND};--install;${BUILD};--prefix;${prefix}"
    "${CMAKE_COMMAND};-S;${SOURCE}/tests/consumer;-B;${BUILD}/consumer-build;-DCMAKE_PREFIX_PATH=${prefix}"
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
