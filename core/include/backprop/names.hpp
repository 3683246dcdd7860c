// Name tables for the core's enums: one {value, name} array per enum, looked up both ways, so that
// settings travel as readable strings (to JS, in model files, in error messages).
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace bp {

template <class E>
struct Named {
  E value;
  const char* name;
};

template <class E, std::size_t N>
const char* name_of(const Named<E> (&table)[N], E value) {
  for (const auto& t : table)
    if (t.value == value) return t.name;
  return "?";
}

template <class E, std::size_t N>
bool parse_name(const Named<E> (&table)[N], const std::string& name, E& out) {
  for (const auto& t : table)
    if (name == t.name) {
      out = t.value;
      return true;
    }
  return false;
}

// Every name of a table, in its order (the settings schema lists them as the allowed values).
template <class E, std::size_t N>
std::vector<std::string> names_of(const Named<E> (&table)[N]) {
  std::vector<std::string> out;
  for (const auto& t : table) out.push_back(t.name);
  return out;
}

}  // namespace bp
