ALTER TABLE posts COMMENT = 'blog posts; ''all'' of them';

