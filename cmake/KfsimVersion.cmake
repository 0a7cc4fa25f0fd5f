# The code version recorded in every result file: the project version plus the git commit when known.
execute_process(COMMAND git describe --always --dirty --abbrev=12
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR} OUTPUT_VARIABLE KFSIM_GIT_DESCRIBE
  OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
if(NOT KFSIM_GIT_DESCRIBE)
  set(KFSIM_GIT_DESCRIBE "unknown")
endif()
configure_file(${CMAKE_SOURCE_DIR}/sim/version.hpp.in ${CMAKE_BINARY_DIR}/generated/sim/version.hpp @ONLY)
