# pw_embed(target namespace function base files...): the files become a C++ source of
# string_views (cmake/embed.cmake), compiled into target. Shared by the main build and fuzz/.
set(PW_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed.cmake)
function(pw_embed target namespace function base)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/embedded_${function}.cpp")
  string(REPLACE ";" "|" files_arg "${ARGN}")  # a list would split into separate arguments
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DNAMESPACE=${namespace} -DFUNCTION=${function}
            -DBASE=${base} "-DFILES=${files_arg}" -P ${PW_EMBED_SCRIPT}
    DEPENDS ${ARGN} ${PW_EMBED_SCRIPT}
    COMMENT "Embedding ${function}"
    VERBATIM)
  target_sources(${target} PRIVATE "${out}")
endfunction()
