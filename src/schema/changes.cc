#include "schema/changes.h"

#include "base/overloaded.h"

namespace strata::schema {

std::string SkipKey(const TableChange& c) {
  return std::visit(Overloaded{
      [](const AddColumn&) { return std::string("add_column"); },
      [](const DropColumn&) { return std::string("drop_column"); },
      [](const ModifyColumn&) { return std::string("modify_column"); },
      [](const RenameColumn&) { return std::string("rename_column"); },
      [](const AddIndex&) { return std::string("add_index"); },
      [](const DropIndex&) { return std::string("drop_index"); },
      [](const ModifyIndex&) { return std::string("modify_index"); },
      [](const RenameIndex&) { return std::string("rename_index"); },
      [](const AddPrimaryKey&) { return std::string("add_primary_key"); },
      [](const DropPrimaryKey&) { return std::string("drop_primary_key"); },
      [](const ModifyPrimaryKey&) { return std::string("modify_primary_key"); },
      [](const AddForeignKey&) { return std::string("add_foreign_key"); },
      [](const DropForeignKey&) { return std::string("drop_foreign_key"); },
      [](const ModifyForeignKey&) { return std::string("modify_foreign_key"); },
      [](const AddCheck&) { return std::string("add_check"); },
      [](const DropCheck&) { return std::string("drop_check"); },
      [](const ModifyCheck&) { return std::string("modify_check"); },
      [](const ModifyTableAttr&) { return std::string("modify_table"); },
  }, c);
}

std::string SkipKey(const Change& c) {
  return std::visit(Overloaded{
      [](const AddSchema&) { return std::string("add_schema"); },
      [](const DropSchema&) { return std::string("drop_schema"); },
      [](const ModifySchemaAttr&) { return std::string("modify_schema"); },
      [](const AddTable&) { return std::string("add_table"); },
      [](const DropTable&) { return std::string("drop_table"); },
      [](const ModifyTable&) { return std::string("modify_table"); },
      [](const RenameTable&) { return std::string("rename_table"); },
      [](const AddView&) { return std::string("add_view"); },
      [](const DropView&) { return std::string("drop_view"); },
      [](const ModifyView&) { return std::string("modify_view"); },
      [](const AddTrigger&) { return std::string("add_trigger"); },
      [](const DropTrigger&) { return std::string("drop_trigger"); },
      [](const ModifyTrigger&) { return std::string("modify_trigger"); },
      [](const AddObject& a) { return "add_" + a.o.kind; },
      [](const DropObject& d) { return "drop_" + d.o.kind; },
      [](const ModifyObject& m) { return "modify_" + m.to.kind; },
  }, c);
}

bool IsDestructive(const TableChange& c) {
  if (std::holds_alternative<DropColumn>(c)) {
    // Dropping a virtual generated column loses nothing.
    const auto& col = std::get<DropColumn>(c).c;
    return !(col.generated && col.generated->type == "VIRTUAL");
  }
  if (const auto* m = std::get_if<ModifyColumn>(&c)) return (m->kind & kChangeType) != 0;
  return false;
}

bool IsDestructive(const Change& c) {
  if (std::holds_alternative<DropSchema>(c) || std::holds_alternative<DropTable>(c)) return true;
  if (const auto* m = std::get_if<ModifyTable>(&c)) {
    for (const auto& tc : m->changes)
      if (IsDestructive(tc)) return true;
  }
  return false;
}

}  // namespace strata::schema
