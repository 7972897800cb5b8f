CREATE TABLE comments (
    id bigint NOT NULL,
    post_id bigint NOT NULL,
    parent_id bigint,
    CONSTRAINT pk_comments PRIMARY KEY (id),
    CONSTRAINT fk_comments_post_id_posts FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE DEFERRABLE,
    CONSTRAINT fk_comments_parent_id_comments FOREIGN KEY (parent_id) REFERENCES comments (id) DEFERRABLE INITIALLY DEFERRED
);

