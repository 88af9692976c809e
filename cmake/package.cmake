# The Debian package: `cpack -G DEB` in the build tree makes hpa_VERSION-RELEASE_ARCH.deb, which
# tests/package.cmake unpacks, runs and checks with lintian. Everything `cmake --install` puts
# under the prefix goes in, under /usr, plus the two files Debian asks of every package
# (usr/share/doc/hpa/copyright and changelog.Debian.gz), installed by the component "debian",
# which a plain install leaves out.

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
  install(FILES ${debian_dir}/changelog.Debian.gz DESTINATION ${CMAKE_INSTALL_DOCDIR}
    COMPONENT debian EXCLUDE_FROM_ALL)
endif()
install(FILES ${debian_dir}/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT debian EXCLUDE_FROM_ALL)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME hpa)
set(CPACK_PACKAGE_VENDOR "the hpa authors")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "heavy-pollution weather warnings as a city's emergency plan decides them")
set(CPACK_PACKAGE_DESCRIPTION "hpa decides heavy-pollution weather warnings the way a Chinese city's
emergency plan prescribes: which warning (yellow, orange, red), from when to
when, which response tier and by when it must be issued.
.
The hpa-* tools read hourly AQI or pollutant concentrations as CSV and write
CSV, JSON or text: the daily AQI, the warning episodes, the level in force,
period statistics, notices, assessments, emission-reduction checks and SVG
pictures. The package also holds the C++20 rule headers, the hpa::io
library and the CMake package for find_package(hpa).")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_INSTALL_PREFIX /usr)  # the prefix CPACK_SET_DESTDIR installs to
# Installed with DESTDIR, so the install scripts see the package's own prefix (/usr): the zsh
# completions go where Debian's zsh reads them.
set(CPACK_SET_DESTDIR ON)
set(CPACK_STRIP_FILES ON)
# Every component in one package: the unnamed one of the install rules, and "debian".
set(CPACK_COMPONENTS_ALL Unspecified debian)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE ${HPA_DEB_RELEASE})
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${HPA_DEB_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # Depends: from the libraries the tools link (dpkg-shlibdeps)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
