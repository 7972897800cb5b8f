DROP TABLE tickets;

