# Every dependency comes from a Debian 12 package; scripts/install-deps.sh installs them.
find_package(Boost 1.74 REQUIRED COMPONENTS program_options)  # Boost.Random is header-only
find_package(Eigen3 3.4 REQUIRED NO_MODULE)
find_package(TBB REQUIRED)
find_package(HDF5 REQUIRED COMPONENTS C HL)
find_package(PkgConfig REQUIRED)
pkg_check_modules(TOMLPP REQUIRED IMPORTED_TARGET tomlplusplus)
find_package(Threads REQUIRED)

# MPI (OpenMPI from Debian) spreads an ensemble's runs over processes and machines. Optional:
# without it kfsim runs ensembles in one process, with identical results.
find_package(MPI COMPONENTS C QUIET)
option(KFSIM_MPI "Build with MPI to run ensembles across processes (mpirun)" ${MPI_C_FOUND})
if(KFSIM_MPI AND NOT MPI_C_FOUND)
  message(FATAL_ERROR "KFSIM_MPI is ON but no MPI was found: install libopenmpi-dev or set -DKFSIM_MPI=OFF")
endif()
