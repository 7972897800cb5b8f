DROP TABLE users;

