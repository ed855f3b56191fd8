// The visitor idiom for std::visit over a variant: one lambda per
// alternative, `std::visit(Overloaded{[](const A&) {...}, ...}, v)`.
#pragma once

namespace strata {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

}  // namespace strata
