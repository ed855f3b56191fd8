CREATE TABLE ignored (id integer);
