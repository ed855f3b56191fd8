#include <cstdio>
int main() { std::puts("strata: under construction"); return 0; }
