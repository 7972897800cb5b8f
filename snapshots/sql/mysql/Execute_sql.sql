UPDATE posts SET views = 0;

