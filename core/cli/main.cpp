// backprop: the command-line tool (commands.hpp). Arguments in, the exit code out.
#include <iostream>
#include <string>
#include <vector>

#include "commands.hpp"

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  return bp::cli::run_cli(args, std::cout, std::cerr);
}
