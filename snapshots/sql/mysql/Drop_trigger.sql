DROP TRIGGER trg_posts_views;

