# Writes OUT: one function returning each lexicon file's text by name.
set(_body "#include <string_view>\nnamespace quotegraph::data {\nstd::string_view lexicon_text(std::string_view name) {\n")
foreach(_name IN LISTS NAMES)
  file(READ "${DIR}/${_name}.txt" _text)
  string(APPEND _body "  if (name == \"${_name}\") return R\"QGLEX(${_text})QGLEX\";\n")
endforeach()
string(APPEND _body "  return {};\n}\n}  // namespace quotegraph::data\n")
file(WRITE "${OUT}.tmp" "${_body}")
file(RENAME "${OUT}.tmp" "${OUT}")
