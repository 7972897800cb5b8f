ALTER TABLE posts ADD COLUMN subtitle VARCHAR(200) COMMENT 'under the title' AFTER title;

