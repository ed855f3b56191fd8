-- migrate:up
CREATE TABLE posts (id integer PRIMARY KEY, user_id integer REFERENCES users (id));

-- migrate:down
DROP TABLE posts;
