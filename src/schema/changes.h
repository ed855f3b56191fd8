// Typed changes between two schema states, as computed by the differ and
// consumed by planners. Each change carries full copies of the objects
// involved so a planner can render both directions (up and reverse).
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "schema/schema.h"

namespace strata::schema {

// What changed inside a modified object (bit flags, same order as Atlas).
enum ChangeKind : uint32_t {
  kNoChange = 0,
  kChangeAttr = 1 << 0,
  kChangeCharset = 1 << 1,
  kChangeCollate = 1 << 2,
  kChangeComment = 1 << 3,
  kChangeNull = 1 << 4,
  kChangeType = 1 << 5,
  kChangeDefault = 1 << 6,
  kChangeGenerated = 1 << 7,
  kChangeUnique = 1 << 8,
  kChangeParts = 1 << 9,
  kChangeColumn = 1 << 10,
  kChangeRefColumn = 1 << 11,
  kChangeRefTable = 1 << 12,
  kChangeUpdateAction = 1 << 13,
  kChangeDeleteAction = 1 << 14,
};

// ---- Changes inside a table ----
struct AddColumn { Column c; };
struct DropColumn { Column c; };
struct ModifyColumn { Column from, to; uint32_t kind = kNoChange; };
struct RenameColumn { Column from, to; };
struct AddIndex { Index i; };
struct DropIndex { Index i; };
struct ModifyIndex { Index from, to; uint32_t kind = kNoChange; };
struct RenameIndex { Index from, to; };
struct AddPrimaryKey { Index pk; };
struct DropPrimaryKey { Index pk; };
struct ModifyPrimaryKey { Index from, to; uint32_t kind = kNoChange; };
struct AddForeignKey { ForeignKey fk; };
struct DropForeignKey { ForeignKey fk; };
struct ModifyForeignKey { ForeignKey from, to; uint32_t kind = kNoChange; };
struct AddCheck { Check c; };
struct DropCheck { Check c; };
struct ModifyCheck { Check from, to; };
// A table-level option or the comment ("comment", "strict", "engine", ...).
struct ModifyTableAttr { std::string key; std::string from, to; };

using TableChange =
    std::variant<AddColumn, DropColumn, ModifyColumn, RenameColumn, AddIndex, DropIndex, ModifyIndex,
                 RenameIndex, AddPrimaryKey, DropPrimaryKey, ModifyPrimaryKey, AddForeignKey,
                 DropForeignKey, ModifyForeignKey, AddCheck, DropCheck, ModifyCheck, ModifyTableAttr>;

// ---- Top-level changes ----
struct AddSchema { Schema s; bool if_not_exists = false; };
struct DropSchema { Schema s; bool if_exists = false; };
struct ModifySchemaAttr { std::string schema; std::string key, from, to; };
struct AddTable { Table t; bool if_not_exists = false; };
struct DropTable { Table t; bool if_exists = false; };
struct ModifyTable {
  Table from, to;
  std::vector<TableChange> changes;
  // The table's triggers that stay as they are. A planner that rebuilds the
  // table (SQLite's copy) loses them with the old table and re-creates them.
  std::vector<Trigger> triggers;
};
struct RenameTable { Table from, to; };
struct AddView { View v; };
struct DropView { View v; };
struct ModifyView { View from, to; };
struct AddTrigger { Trigger t; };
struct DropTrigger { Trigger t; };
struct ModifyTrigger { Trigger from, to; };
struct AddObject { Object o; };
struct DropObject { Object o; };
// The planner decides how: in place (ALTER TYPE ... ADD VALUE, CREATE OR
// REPLACE FUNCTION) or by dropping and re-creating.
struct ModifyObject { Object from, to; };

using Change = std::variant<AddSchema, DropSchema, ModifySchemaAttr, AddTable, DropTable, ModifyTable,
                            RenameTable, AddView, DropView, ModifyView, AddTrigger, DropTrigger,
                            ModifyTrigger, AddObject, DropObject, ModifyObject>;
using ChangeList = std::vector<Change>;

// Atlas's `diff.skip` keys ("drop_table", "add_column", ...) for a change;
// objects use "add_<kind>", "drop_<kind>", "modify_<kind>" ("drop_function").
std::string SkipKey(const Change& c);
std::string SkipKey(const TableChange& c);

// True when applying the change can lose data (drop schema/table/column,
// or a column type change). Used to flag plans and by policies.
bool IsDestructive(const Change& c);
bool IsDestructive(const TableChange& c);

}  // namespace strata::schema
