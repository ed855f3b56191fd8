# Quickstart schema for SQLite, in Atlas HCL (see docs: https://atlasgo.io/atlas-schema/hcl).
# Apply it with:
#   strata schema apply --url sqlite://quickstart.db --to file://schema.hcl \
#     --dev-url "sqlite://dev?mode=memory" --auto-approve
schema "main" {}

table "users" {
  schema = schema.main
  column "id" {
    type = integer
  }
  column "email" {
    type = text
  }
  column "name" {
    type = text
  }
  column "created_at" {
    type    = datetime
    default = sql("CURRENT_TIMESTAMP")
  }
  primary_key {
    columns = [column.id]
  }
  index "users_email" {
    unique  = true
    columns = [column.email]
  }
}

table "posts" {
  schema = schema.main
  column "id" {
    type = integer
  }
  column "author_id" {
    type = integer
  }
  column "title" {
    type = text
  }
  column "body" {
    type = text
    null = true
  }
  column "status" {
    type    = text
    default = "draft"
  }
  column "published_at" {
    type = datetime
    null = true
  }
  primary_key {
    columns = [column.id]
  }
  foreign_key "posts_author_fk" {
    columns     = [column.author_id]
    ref_columns = [table.users.column.id]
    on_delete   = CASCADE
  }
  index "posts_author_id" {
    columns = [column.author_id]
  }
  # only published posts are listed by date, so only they are indexed
  index "posts_published_at" {
    columns = [column.published_at]
    where   = "status = 'published'"
  }
  check "posts_status" {
    expr = "status IN ('draft', 'published', 'archived')"
  }
}

table "comments" {
  schema = schema.main
  column "id" {
    type = integer
  }
  column "post_id" {
    type = integer
  }
  column "author_id" {
    type = integer
  }
  column "body" {
    type = text
  }
  column "created_at" {
    type    = datetime
    default = sql("CURRENT_TIMESTAMP")
  }
  primary_key {
    columns = [column.id]
  }
  foreign_key "comments_post_fk" {
    columns     = [column.post_id]
    ref_columns = [table.posts.column.id]
    on_delete   = CASCADE
  }
  foreign_key "comments_author_fk" {
    columns     = [column.author_id]
    ref_columns = [table.users.column.id]
    on_delete   = CASCADE
  }
  index "comments_post_id" {
    columns = [column.post_id, column.created_at]
  }
  check "comments_body_not_empty" {
    expr = "length(body) > 0"
  }
}
