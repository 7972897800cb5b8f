ALTER TABLE posts ADD COLUMN subtitle varchar(200);

