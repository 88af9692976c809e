# The Debian packages: `cpack -G DEB` in the build tree makes, as Debian splits a library with
# tools, hpa_VERSION-RELEASE_ARCH.deb (the install component "hpa": tools, man pages,
# completions, profiles, README and examples) and libhpa-dev_VERSION-RELEASE_ARCH.deb (the
# component "dev": headers, hpa::io and the CMake package, depending on the -dev packages its
# headers and CMake package need). tests/package.cmake installs both in a scratch root, runs them
# and checks each with lintian. Each package also gets the two files Debian asks of every package
# (usr/share/doc/<package>/copyright and changelog.Debian.gz), installed by the components
# "hpa_debian" and "dev_debian", which a plain install leaves out.

set(HPA_DEB_RELEASE 1 CACHE STRING "Debian revision of the package (the -1 of 0.1.0-1)")
set(HPA_DEB_MAINTAINER "hpa authors <hpa@example.org>" CACHE STRING "Maintainer field of the Debian package")
set(HPA_DEB_VERSION ${PROJECT_VERSION}-${HPA_DEB_RELEASE})

# copyright, in Debian's machine-readable format, from LICENSE: its copyright line, then its text
# (the MIT licence, which Debian calls Expat) with a space before each line and "." for a blank one.
file(READ ${PROJECT_SOURCE_DIR}/LICENSE license)
string(REGEX MATCH "Copyright \\(c\\) ([^\n]*)" _ "${license}")
set(HPA_COPYRIGHT "${CMAKE_MATCH_1}")
string(REGEX REPLACE "^MIT License\n+Copyright[^\n]*\n+" "" body "${license}")
string(STRIP "${body}" body)
string(REPLACE "\n\n" "\n.\n" body "${body}")
string(REPLACE "\n" "\n " body "${body}")
set(HPA_LICENSE_TEXT " ${body}")
set(debian_dir ${PROJECT_BINARY_DIR}/debian)
configure_file(${PROJECT_SOURCE_DIR}/packaging/debian/copyright.in ${debian_dir}/copyright @ONLY)
configure_file(${PROJECT_SOURCE_DIR}/packaging/debian/changelog.in ${debian_dir}/changelog @ONLY)
find_program(HPA_GZIP gzip)
if(HPA_GZIP)
  execute_process(COMMAND ${HPA_GZIP} -9nc ${debian_dir}/changelog OUTPUT_FILE ${debian_dir}/changelog.Debian.gz
    RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "gzip of ${debian_dir}/changelog failed")
  endif()
endif()
set(HPA_DEV_PACKAGE libhpa-dev)
foreach(component_doc "hpa_debian;${CMAKE_INSTALL_DOCDIR}" "dev_debian;${CMAKE_INSTALL_DATADIR}/doc/${HPA_DEV_PACKAGE}")
  list(GET component_doc 0 component)
  list(GET component_doc 1 docdir)
  install(FILES ${debian_dir}/copyright DESTINATION ${docdir} COMPONENT ${component} EXCLUDE_FROM_ALL)
  if(HPA_GZIP)
    install(FILES ${debian_dir}/changelog.Debian.gz DESTINATION ${docdir} COMPONENT ${component} EXCLUDE_FROM_ALL)
  endif()
endforeach()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME hpa)
set(CPACK_PACKAGE_VENDOR "the hpa authors")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# No CPACK_PACKAGE_DESCRIPTION_SUMMARY: CPack would put it before each package's description, whose
# first line is that package's own synopsis.
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_INSTALL_PREFIX /usr)  # the prefix CPACK_SET_DESTDIR installs to
# Installed with DESTDIR, so the install scripts see the package's own prefix (/usr): the zsh
# completions go where Debian's zsh reads them.
set(CPACK_SET_DESTDIR ON)
set(CPACK_STRIP_FILES ON)
# One package per group: "tools" (hpa) and "dev" (libhpa-dev).
set(CPACK_COMPONENTS_ALL hpa hpa_debian dev dev_debian)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING ONE_PER_GROUP)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE ${HPA_DEB_RELEASE})
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${HPA_DEB_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_TOOLS_PACKAGE_NAME hpa)
set(CPACK_DEBIAN_TOOLS_PACKAGE_SECTION science)
set(CPACK_DEBIAN_TOOLS_PACKAGE_SHLIBDEPS ON)  # Depends: from the libraries the tools link (dpkg-shlibdeps)
set(CPACK_DEBIAN_TOOLS_DESCRIPTION "heavy-pollution weather warnings as a city's emergency plan decides them
hpa decides heavy-pollution weather warnings the way a Chinese city's
emergency plan prescribes: which warning (yellow, orange, red), from when to
when, which response tier and by when it must be issued.
.
The hpa-* tools read hourly AQI or pollutant concentrations as CSV and write
CSV, JSON or text: the daily AQI, the warning episodes, the level in force,
period statistics, notices, assessments, emission-reduction checks and SVG
pictures. The C++ headers and library are in libhpa-dev.")

set(CPACK_DEBIAN_DEV_PACKAGE_NAME ${HPA_DEV_PACKAGE})
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
# What the headers include (nlohmann/json.hpp) and what hpa-config.cmake finds (fmt, nlohmann_json,
# FastFloat, which the static hpa::io links).
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS "libfmt-dev, nlohmann-json3-dev, libfast-float-dev")
set(CPACK_DEBIAN_DEV_DESCRIPTION "heavy-pollution weather warning rules: C++20 headers and library
The rules of hpa (which heavy-pollution weather warning a Chinese city's
emergency plan asks for, from when to when, which response tier and by when
it must be issued) as a header-only C++20 library, with the readers and
writers of the static library hpa::io and the CMake package for
find_package(hpa). The command-line tools are in the package hpa.")

include(CPack)
cpack_add_component_group(tools)
cpack_add_component_group(dev)
cpack_add_component(hpa GROUP tools)
cpack_add_component(hpa_debian GROUP tools)
cpack_add_component(dev GROUP dev)
cpack_add_component(dev_debian GROUP dev)
