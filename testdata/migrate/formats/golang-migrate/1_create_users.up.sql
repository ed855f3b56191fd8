-- the users of the app
CREATE TABLE users (
  id integer PRIMARY KEY,
  name text NOT NULL
);
CREATE INDEX users_name ON users (name);
