# Makes the Debian packages of the build tree (cpack -G DEB): hpa (the tools) and libhpa-dev (the
# headers and the CMake package), unpacks both into a scratch root with dpkg-deb -x, runs tools
# from there (on the examples and profiles it installs), reads a man page with man -l when man is
# there, checks that every tool has its man page and its bash, zsh and fish completions, that
# each file is in the package it belongs to and libhpa-dev depends on the -dev packages its
# headers and CMake package need, that git ignores what cpack leaves, and runs lintian on both,
# failing on any error (its whole report is printed); and builds tests/consumer against the
# unpacked headers and CMake package.
#
#   cmake -DBUILD=<build tree> -DSOURCE=<source tree> -DTOOLS=hpa-a,hpa-b,… -DVERSION=0.1.0 -DCPACK=<cpack>
#     -P tests/package.cmake
#
# dpkg-deb, dpkg-shlibdeps (dpkg-dev) and lintian are required: tests/run.sh installs them.

string(REPLACE "," ";" TOOLS "${TOOLS}")
set(work ${BUILD}/package-test)
set(root ${work}/root)
file(REMOVE_RECURSE ${work})
file(MAKE_DIRECTORY ${root})

function(run)
  cmake_parse_arguments(R "" "OUT" "" ${ARGN})
  execute_process(COMMAND ${R_UNPARSED_ARGUMENTS} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    string(REPLACE ";" " " command "${R_UNPARSED_ARGUMENTS}")
    message(FATAL_ERROR "failed (${rc}): ${command}\n${out}\n${err}")
  endif()
  if(R_OUT)
    set(${R_OUT} "${out}" PARENT_SCOPE)
  endif()
endfunction()

foreach(program dpkg-deb dpkg-shlibdeps lintian)
  find_program(found_${program} ${program})
  if(NOT found_${program})
    message(FATAL_ERROR "${program} not found: apt-get install dpkg-dev lintian (tests/run.sh does)")
  endif()
endforeach()

# The packages.
string(TIMESTAMP start "%s")
run(${CPACK} -G DEB --config ${BUILD}/CPackConfig.cmake -B ${work})
string(TIMESTAMP made "%s")
math(EXPR seconds "${made} - ${start}")
set(debs "")
foreach(package hpa libhpa-dev)
  file(GLOB deb ${work}/${package}_*.deb)
  list(LENGTH deb n)
  if(NOT n EQUAL 1)
    file(GLOB all ${work}/*.deb)
    message(FATAL_ERROR "expected one ${package}_*.deb in ${work}, found: ${all}")
  endif()
  list(APPEND debs ${deb})
  set(deb_${package} ${deb})
  message(STATUS "${deb} (cpack: ${seconds} s)")
  run(dpkg-deb -f ${deb} OUT control)
  set(control_${package} "${control}")
  message(STATUS "control:\n${control}")
  foreach(field Package Version Architecture Maintainer Section Priority Depends Description)
    if(NOT control MATCHES "(^|\n)${field}: [^\n]")
      message(FATAL_ERROR "the control file of ${package} has no ${field} field")
    endif()
  endforeach()
  if(NOT control MATCHES "(^|\n)Package: ${package}\n")
    message(FATAL_ERROR "${deb} is not the package ${package}")
  endif()
endforeach()
foreach(dependency libfmt-dev nlohmann-json3-dev libfast-float-dev)
  if(NOT control_libhpa-dev MATCHES "\nDepends: [^\n]*${dependency}")
    message(FATAL_ERROR "libhpa-dev does not depend on ${dependency}")
  endif()
endforeach()

# What cpack leaves where it runs (a user's clone) is ignored by git.
find_program(git_program git)
if(git_program AND EXISTS ${SOURCE}/.git)
  get_filename_component(deb_name ${deb_hpa} NAME)
  foreach(left ${deb_name} _CPack_Packages/DEB)
    execute_process(COMMAND ${git_program} -C ${SOURCE} check-ignore -q ${left} RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "git does not ignore ${left}, which cpack leaves in the folder it runs in: .gitignore")
    endif()
  endforeach()
endif()

# Each package holds its own files: the tools and their documents in hpa, the headers and the
# CMake package in libhpa-dev.
foreach(package hpa libhpa-dev)
  run(dpkg-deb -c ${deb_${package}} OUT contents_${package})
endforeach()
foreach(wrong "hpa;/usr/include/" "hpa;/usr/lib/" "libhpa-dev;/usr/bin/" "libhpa-dev;/usr/share/man/")
  list(GET wrong 0 package)
  list(GET wrong 1 path)
  string(FIND "${contents_${package}}" " .${path}" at)
  if(NOT at EQUAL -1)
    message(FATAL_ERROR "the package ${package} holds ${path}:\n${contents_${package}}")
  endif()
endforeach()

# Both unpacked into a scratch root: every file a user gets.
foreach(deb ${debs})
  run(dpkg-deb -x ${deb} ${root})
endforeach()
set(usr ${root}/usr)
set(expected
  share/doc/hpa/copyright share/doc/hpa/changelog.Debian.gz share/doc/hpa/README.md
  share/doc/hpa/docs/hpa-watch.md share/doc/hpa/docs/winter-report.png
  share/doc/libhpa-dev/copyright share/doc/libhpa-dev/changelog.Debian.gz
  share/doc/hpa/examples/winter-2023.csv share/doc/hpa/profiles/pingdingshan-2023.json
  include/hpa/hpa.hpp include/hpa/version.hpp lib/cmake/hpa/hpa-config.cmake)
foreach(t ${TOOLS})
  list(APPEND expected bin/${t} share/man/man1/${t}.1.gz share/bash-completion/completions/${t}
    share/zsh/vendor-completions/_${t} share/fish/vendor_completions.d/${t}.fish)
endforeach()
foreach(f ${expected})
  if(NOT EXISTS ${usr}/${f})
    message(FATAL_ERROR "the packages have no /usr/${f}")
  endif()
endforeach()

# libhpa-dev alone is what a C++ project needs: tests/consumer finds hpa there and links hpa::io.
set(consumer ${work}/consumer-build)
run(${CMAKE_COMMAND} -S ${SOURCE}/tests/consumer -B ${consumer} -DCMAKE_PREFIX_PATH=${usr}
  -DLIBRARY_EXAMPLE=${SOURCE}/examples/library.cpp)
run(${CMAKE_COMMAND} --build ${consumer})
run(${consumer}/consumer OUT printed)
if(NOT printed STREQUAL "red 1970-01-04T00:00\n")
  message(FATAL_ERROR "the consumer built against libhpa-dev printed: ${printed}")
endif()

# The tools run from there, with the installed examples and profiles.
foreach(t ${TOOLS})
  run(${usr}/bin/${t} --version OUT version)
  if(NOT version STREQUAL "${t} ${VERSION}\n")
    message(FATAL_ERROR "${t} --version printed: ${version}")
  endif()
endforeach()
set(winter ${usr}/share/doc/hpa/examples/winter-2023.csv)
run(${usr}/bin/hpa-episodes --summary --profile mee-2017 ${winter} OUT by_name)
run(${usr}/bin/hpa-episodes --summary --profile ${usr}/share/doc/hpa/profiles/mee-2017.json ${winter} OUT by_file)
if(NOT by_name MATCHES "^station,hours_valid," OR NOT by_name STREQUAL by_file)
  message(FATAL_ERROR "hpa-episodes --summary from the package: the built-in mee-2017 gives\n${by_name}\n"
    "its installed JSON gives\n${by_file}")
endif()

# A man page as man shows it, without a warning from groff.
find_program(man_program man)
if(man_program)
  execute_process(COMMAND ${man_program} --warnings -E UTF-8 -l ${usr}/share/man/man1/hpa-episodes.1.gz
    RESULT_VARIABLE rc OUTPUT_VARIABLE page ERROR_VARIABLE warnings)
  if(NOT rc EQUAL 0 OR NOT warnings STREQUAL "")
    message(FATAL_ERROR "man -l hpa-episodes.1.gz (${rc}):\n${warnings}")
  endif()
  foreach(part NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" "--summary" "hpa-episodes - find the warning episodes")
    string(FIND "${page}" "${part}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "man -l hpa-episodes.1.gz shows no '${part}':\n${page}")
    endif()
  endforeach()
else()
  message(STATUS "man not found: the man page was not read")
endif()

# The completions are valid scripts for their shells (zsh and fish where they are installed).
run(bash -n ${usr}/share/bash-completion/completions/hpa-episodes)
foreach(shell zsh fish)
  find_program(${shell}_program ${shell})
  if(${shell}_program)
    file(GLOB scripts ${usr}/share/zsh/vendor-completions/_* ${usr}/share/fish/vendor_completions.d/*.fish)
    list(FILTER scripts INCLUDE REGEX "${shell}")
    foreach(s ${scripts})
      run(${${shell}_program} -n ${s})
    endforeach()
  endif()
endforeach()

# lintian on each package: its whole report in the log; an error fails the test.
foreach(deb ${debs})
  string(TIMESTAMP start "%s")
  execute_process(COMMAND lintian --display-info --tag-display-limit 0 ${deb}
    RESULT_VARIABLE rc OUTPUT_VARIABLE report ERROR_VARIABLE lintian_err)
  string(TIMESTAMP done "%s")
  math(EXPR seconds "${done} - ${start}")
  message(STATUS "lintian ${deb} (${seconds} s, exit ${rc}):\n${report}${lintian_err}")
  if(report MATCHES "(^|\n)E: " OR NOT rc EQUAL 0)
    message(FATAL_ERROR "lintian reports errors in ${deb} (above)")
  endif()
endforeach()
