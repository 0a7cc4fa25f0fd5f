# Warnings and sanitizers applied to every kfsim target through one interface library.
add_library(kfsim_build_flags INTERFACE)
target_compile_options(kfsim_build_flags INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
# GCC 12's -Wrestrict misfires on std::string concatenation at -O2 and above
# (GCC bug 105329); it reports nothing true in this code base.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(kfsim_build_flags INTERFACE -Wno-restrict)
endif()
# With the sanitizers at -O1 and above, GCC 12 reports libstdc++'s own std::regex and
# std::function as "may be used uninitialized" (GCC bug 105562); ASan and UBSan check the real
# thing at run time in those builds.
if(KFSIM_SANITIZE AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(kfsim_build_flags INTERFACE -Wno-maybe-uninitialized)
endif()
if(KFSIM_WARNINGS_AS_ERRORS)
  target_compile_options(kfsim_build_flags INTERFACE -Werror)
endif()
if(KFSIM_SANITIZE)
  string(REPLACE ";" "," _kfsim_san "${KFSIM_SANITIZE}")
  target_compile_options(kfsim_build_flags INTERFACE -fsanitize=${_kfsim_san} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(kfsim_build_flags INTERFACE -fsanitize=${_kfsim_san})
endif()
if(KFSIM_TRAP_FP)
  target_compile_definitions(kfsim_build_flags INTERFACE KFSIM_TRAP_FP=1)
endif()
