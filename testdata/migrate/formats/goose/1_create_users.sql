-- +goose Up
-- the users of the app
CREATE TABLE users (
  id integer PRIMARY KEY,
  name text NOT NULL
);
INSERT INTO users (id, name) VALUES (1, 'first
second');

-- +goose Down
DROP TABLE users;
