// Table partitioning in HCL (PostgreSQL's declarative partitions; the
// model keeps them as table options):
//   partition { type = RANGE, columns = [column.a] }   -> option "partition" = "RANGE (a)"
//   partition { type = LIST, by { expr = "lower(b)" } } -> "LIST ((lower(b)))"
//   partition_of = table.parent                          -> option "partition_of" = "parent"
// (`partition_bound = "FOR VALUES ..."` is an ordinary string attribute of
// the dialect's table_attrs.) Enabled by DialectSpec::table_partitions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "schema/schema.h"
#include "spec/hcl_writer.h"

namespace strata::spec {

// A partition key: "RANGE (a, lower(b))" -> {RANGE, [a], [lower(b)]}.
struct PartitionKey {
  struct Part {
    std::string column;  // empty for an expression
    std::string expr;    // without its wrapping parentheses
  };
  std::string type;  // RANGE, LIST, HASH (upper case)
  std::vector<Part> parts;
};

// Reads the text PostgreSQL's pg_get_partkeydef prints; nullopt when it is
// not "<TYPE> (<items>)".
std::optional<PartitionKey> ParsePartitionKey(const std::string& text);
// "<TYPE> ("col", (expr))": valid after PARTITION BY.
std::string FormatPartitionKey(const PartitionKey& k);

// Prints `partition_of` (before the columns) / the `partition` block.
void EncodePartitionOf(const schema::Table& t, HclBody& b);
void EncodePartitionBlock(const schema::Table& t, HclBody& b);

namespace internal {
class Decoder;
class BlockReader;
// Reads a table block's `partition_of` and `partition { ... }` into t.options
// (after its columns are decoded).
void DecodeTablePartition(Decoder* dec, BlockReader& r, schema::Table& t);
}  // namespace internal

}  // namespace strata::spec
