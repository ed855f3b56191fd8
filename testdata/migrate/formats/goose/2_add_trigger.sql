-- +goose Up
ALTER TABLE users ADD COLUMN email text;
-- +goose StatementBegin
CREATE TRIGGER users_email AFTER UPDATE ON users
BEGIN
  UPDATE users SET name = name WHERE id = NEW.id;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER users_email;
