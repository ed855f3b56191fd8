--liquibase formatted sql

--changeset atlas:2-1
CREATE TABLE posts (id integer PRIMARY KEY);
