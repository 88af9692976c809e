# The README's first command (examples/run.sh) builds the target hpa_tools only; `cmake --install`
# must work after it. The generated man pages, completions and profiles are removed first, so the
# build of hpa_tools alone has to make them again.
#
#   cmake -DBUILD=<build tree> -P tests/install_after_tools.cmake
set(prefix ${BUILD}/install-after-tools)
file(REMOVE_RECURSE ${BUILD}/doc ${prefix})
foreach(step
    "${CMAKE_COMMAND};--build;${BUILD};--target;hpa_tools"
    "${CMAKE_COMMAND};--install;${BUILD};--prefix;${prefix}")
  execute_process(COMMAND ${step} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed: ${step}\n${out}\n${err}")
  endif()
endforeach()
foreach(f bin/hpa-episodes share/man/man1/hpa-episodes.1.gz share/doc/hpa/profiles/pingdingshan-2023.json)
  if(NOT EXISTS ${prefix}/${f})
    message(FATAL_ERROR "cmake --install after the target hpa_tools put no ${f}")
  endif()
endforeach()
file(REMOVE_RECURSE ${prefix})
