# Every dependency comes from a Debian 12 package; scripts/install-deps.sh installs them.
find_package(Boost 1.74 REQUIRED COMPONENTS program_options)  # Boost.Random is header-only
find_package(Eigen3 3.4 REQUIRED NO_MODULE)
find_package(TBB REQUIRED)
find_package(HDF5 REQUIRED COMPONENTS C HL)
find_package(PkgConfig REQUIRED)
pkg_check_modules(TOMLPP REQUIRED IMPORTED_TARGET tomlplusplus)
find_package(Threads REQUIRED)
