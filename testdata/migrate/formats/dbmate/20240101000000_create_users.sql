-- migrate:up
CREATE TABLE users (
  id integer PRIMARY KEY,
  name text NOT NULL
);
-- the email column
ALTER TABLE users ADD COLUMN email text;

-- migrate:down
DROP TABLE users;
