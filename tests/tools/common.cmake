# What the tool tests of tests/tools/hpa-*.cmake share, included before them: the helper that runs
# a tool as a user would, the inputs made at configure time for several tools, and the tests of
# what every tool does alike (apps/tool.hpp: the output's target, the progress line).

# hpa_tool_test(NAME EXIT TOOL [STDIN file | STDIN_ABS path] [OUTFILE file [BEFORE text | BEFORE_FILE path] [AFTER ...]]
#   ARGS ...): a test "tool: NAME" that runs TOOL in tests/data and compares its exit code, stdout, stderr and OUTFILE
#   with EXIT and tests/expected/NAME.* (tests/run_tool.cmake says how)
function(hpa_tool_test name exit tool)
  cmake_parse_arguments(T "" "STDIN;STDIN_ABS;OUTFILE;BEFORE;BEFORE_FILE;AFTER" "ARGS" ${ARGN})
  string(REPLACE ";" "|" args "${T_ARGS}")
  set(extra "")
  if(T_STDIN)
    list(APPEND extra -DSTDIN=${CMAKE_CURRENT_SOURCE_DIR}/data/${T_STDIN})
  elseif(T_STDIN_ABS)
    list(APPEND extra -DSTDIN=${T_STDIN_ABS})
  endif()
  if(T_OUTFILE)
    list(APPEND extra -DOUTFILE=${CMAKE_CURRENT_BINARY_DIR}/${T_OUTFILE})
    if(DEFINED T_AFTER)
      list(APPEND extra "-DAFTER=${T_AFTER}")
    endif()
    if(DEFINED T_BEFORE)
      list(APPEND extra "-DBEFORE=${T_BEFORE}")
    endif()
    if(DEFINED T_BEFORE_FILE)
      list(APPEND extra "-DBEFORE_FILE=${T_BEFORE_FILE}")
    endif()
  endif()
  add_test(NAME "tool: ${name}" COMMAND ${CMAKE_COMMAND}
    -DTOOL=$<TARGET_FILE:${tool}> "-DARGS=${args}" -DEXIT=${exit}
    -DWORKDIR=${CMAKE_CURRENT_SOURCE_DIR}/data -DEXPECTED=${CMAKE_CURRENT_SOURCE_DIR}/expected/${name}
    -DUPDATE=${HPA_UPDATE_EXPECTED} ${extra} -P ${CMAKE_CURRENT_SOURCE_DIR}/run_tool.cmake)
endfunction()

# HPA_UPDATE_EXPECTED rewrites the expected output of the tests run by a script that compares it itself
# (conc_pipe.sh, beijing_*.sh, directives_pingdingshan.sh) too.
if(HPA_UPDATE_EXPECTED)
  set(script_update update)
endif()

# JSON nested 100,000 deep (made here, not stored) in a profile, a state file and an emission
# list: refused at parse (printing it in a message once overflowed the stack); the file stays.
# Read by hpa-profile, hpa-episodes, hpa-watch and hpa-reduce (their *_deep tests).
string(REPEAT "[" 100000 deep_open)
string(REPEAT "]" 100000 deep_close)
set(deep ${CMAKE_CURRENT_BINARY_DIR}/deep)
file(WRITE ${deep}_profile.json "{\"extends\": \"pingdingshan-2023\", \"lead_hours\": ${deep_open}${deep_close}}\n")
file(WRITE ${deep}_state.json "{\"format\": \"hpa-watch-state\", \"version\": ${deep_open}${deep_close}}\n")
file(WRITE ${deep}_reduction.json "${deep_open}${deep_close}\n")

# -o and --state at what is not a plain file: written through or followed, never replaced; a
# signal leaves no temporary file; a closed stderr does not become the output; a closed stdout is an
# error, a reader that goes away a quiet stop; a read-only file is not replaced; an -o that is the
# state is refused (run as root in CI)
foreach(case fifo symlink device process_substitution state_symlink output_is_state mode signal stderr_closed
        stdout_closed reader_gone read_only)
  add_test(NAME "tool: output to ${case}" COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/output_targets.sh ${case}
    $<TARGET_FILE_DIR:hpa-episodes> ${CMAKE_CURRENT_SOURCE_DIR}/data ${CMAKE_CURRENT_BINARY_DIR}/output_targets/${case})
  set_tests_properties("tool: output to ${case}" PROPERTIES TIMEOUT 60 SKIP_RETURN_CODE 77)
endforeach()
# hpa-watch's cases decide at the file's last observed hour, an hour later (as hpa-watch.cmake's)
set_tests_properties("tool: output to state_symlink" "tool: output to output_is_state" PROPERTIES
  ENVIRONMENT HPA_NOW=2023-12-01T09:00)

# inputs as they come: the progress line on a real terminal (script(1); not run without it)
add_test(NAME "tool: progress on a terminal only, never with -q or TERM=dumb" COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/progress.sh
  $<TARGET_FILE_DIR:hpa-aqi> ${CMAKE_CURRENT_SOURCE_DIR}/data ${CMAKE_CURRENT_BINARY_DIR}/progress)
set_tests_properties("tool: progress on a terminal only, never with -q or TERM=dumb" PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 60)
