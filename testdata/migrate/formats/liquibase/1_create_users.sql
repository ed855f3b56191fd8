--liquibase formatted sql

--changeset atlas:1-1
CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL);
--rollback: DROP TABLE users;

--changeset atlas:1-2
--comment: add the email
ALTER TABLE users ADD COLUMN email text;
--rollback: ALTER TABLE users DROP COLUMN email;
