--
-- Create model Author
--
CREATE TABLE `library_author` (`id` bigint AUTO_INCREMENT NOT NULL PRIMARY KEY, `name` varchar(100) NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
--
-- Create model Book
--
CREATE TABLE `library_book` (`id` bigint AUTO_INCREMENT NOT NULL PRIMARY KEY, `title` varchar(200) NOT NULL, `author_id` bigint NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
ALTER TABLE `library_book` ADD CONSTRAINT `library_book_author_id_d9a3b67e_fk_library_author_id` FOREIGN KEY (`author_id`) REFERENCES `library_author` (`id`) ON DELETE CASCADE;
