# cmake --install: the C header set, libjmdcm (shared and static), a CMake package with
# namespaced targets (jmdcm::jmdcm, jmdcm::jmdcm_static) and a relocatable pkg-config file.
# The C++ core stays inside: hosts see only the C ABI.
include(CMakePackageConfigHelpers)

set(jmdcm_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/jmdcm)

install(TARGETS jmdcm jmdcm_static EXPORT jmdcmTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES
  ${PROJECT_SOURCE_DIR}/capi/include/jmdcm/jmdcm.h
  ${PROJECT_SOURCE_DIR}/capi/include/jmdcm/backend.h
  ${PROJECT_SOURCE_DIR}/capi/include/jmdcm/keys.h
  ${PROJECT_BINARY_DIR}/capi/include/jmdcm/jmdcm_export.h
  ${PROJECT_SOURCE_DIR}/include/jmdcm/error_codes.def
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/jmdcm)
install(EXPORT jmdcmTargets NAMESPACE jmdcm:: DESTINATION ${jmdcm_cmake_dir})

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/jmdcmConfig.cmake.in
  ${PROJECT_BINARY_DIR}/jmdcmConfig.cmake INSTALL_DESTINATION ${jmdcm_cmake_dir})
# The SONAME carries the major version, so does compatibility.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/jmdcmConfigVersion.cmake COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/jmdcmConfig.cmake ${PROJECT_BINARY_DIR}/jmdcmConfigVersion.cmake
  DESTINATION ${jmdcm_cmake_dir})

# pkg-config: the prefix is found from the .pc file's own place, so the tree can move.
file(RELATIVE_PATH jmdcm_pc_up /root/${CMAKE_INSTALL_LIBDIR}/pkgconfig /root)
set(jmdcm_pc_prefix "\${pcfiledir}/${jmdcm_pc_up}")
configure_file(${PROJECT_SOURCE_DIR}/cmake/jmdcm.pc.in ${PROJECT_BINARY_DIR}/jmdcm.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/jmdcm.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
